// Task lists of a volunteer: the category filter and what can be done with a task in each state.

/** The categories present in the tasks, in first-seen order: [{value, text}] for a segmented filter. */
export function categoryFilters(tasks) {
  const seen = new Map()
  for (const t of tasks || []) if (!seen.has(t.category)) seen.set(t.category, t.categoryLabel || t.category)
  return [...seen].map(([value, text]) => ({ value, text }))
}

/** Tasks of one category ('' or null: all), keeping the server's order (nearest first). */
export const filterTasks = (tasks, category) => (category ? (tasks || []).filter((t) => t.category === category) : tasks || [])

/**
 * What the volunteer may do now: claim an open task; start or release a claimed one; complete one in
 * progress (release is only from CLAIMED: TicketAction).
 */
export function taskActions(task, mine) {
  if (!task) return []
  if (!mine) return ['OPEN', 'DISPATCHED'].includes(task.status) ? ['claim'] : []
  if (task.status === 'CLAIMED') return ['start', 'release']
  if (task.status === 'IN_PROGRESS') return ['complete']
  return []
}

/**
 * Whether a task the server gave the volunteer is theirs to work on: GET …/tasks/{id} answers only their
 * own tasks and open ones in their reach, and only their claimed or started ones carry address and phone.
 */
export const ownTask = (task) => !!task && ['CLAIMED', 'IN_PROGRESS'].includes(task.status)

/**
 * What the detail page shows when GET …/tasks/{id} fails: null for a task it may not see (taken by
 * someone else, ended, out of reach: all one 404), the server's message when the duty gate is closed;
 * anything else is rethrown for the page's error state.
 */
export function missingTask(error) {
  if (error && error.code === 'TICKET_NOT_FOUND') return { headline: '', message: '' }
  if (error && error.code === 'DUTY_GATE_CLOSED') return { headline: '暂不能查看任务', message: error.message }
  throw error
}

/**
 * The headline over the server's 409 message when a claim lost: another volunteer was faster when
 * the task is now claimed or in progress (fieldErrors[status] carries the current state).
 */
export function conflictHeadline(error) {
  const status = ((error && error.fieldErrors) || []).find((f) => f.field === 'status')
  const taken = !status || ['CLAIMED', 'IN_PROGRESS'].includes(status.message)
  return taken ? '慢了一步，这个任务已被其他志愿者认领' : '这个任务现在不能认领了'
}
