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

/**
 * What the quiz page offers after an answer: the result never carries the right answers, only how many were
 * right; after a failure the answers are cleared and, while attempts are left today, 重新抽题作答 draws new
 * questions (GET /training). Returns { retry, notice }.
 */
export function afterResult(result) {
  if (!result || result.passed) return { retry: false, notice: '' }
  const left = Number(result.attemptsLeft) || 0
  return left > 0
    ? { retry: true, notice: `今天还可以再试 ${left} 次，题目会重新抽取` }
    : { retry: false, notice: '今天的测试机会已用完，请再看看课程，明天再试' }
}

/** The quiz as loaded: questions to answer, or why there are none (the day's attempts are used up, or no bank yet). */
export function quizState(training) {
  const questions = (training && training.questions) || []
  if (questions.length) return { canAnswer: true, notice: `今天还可以提交 ${training.attemptsLeft} 次` }
  if (training && training.attemptsLeft === 0) return { canAnswer: false, notice: '今天的测试机会已用完，请再看看课程，明天再试' }
  return { canAnswer: false, notice: '暂时没有测试题，请稍后再来' }
}
