// The protection quiz: answers kept as {questionId: choiceIndex}, checked before sending.

/** Ids of the questions not answered yet, in question order. */
export const unanswered = (questions, answers) =>
  (questions || []).filter((q) => answers[q.id] === undefined || answers[q.id] === null || answers[q.id] === '').map((q) => q.id)

/** The body's answers map with numeric choice indexes (uni-data-checkbox may give strings). */
export function answerMap(questions, answers) {
  const out = {}
  for (const q of questions || []) if (answers[q.id] !== undefined && answers[q.id] !== '') out[q.id] = Number(answers[q.id])
  return out
}

/** Choices as uni-data-checkbox localdata: [{value: index, text}]. */
export const choiceOptions = (q) => (q.choices || []).map((text, value) => ({ value, text }))
