// Published stories (先进典型) (MiniStoryApi).
import { get } from './request'

export const listStories = (page, size = 10) => get('/api/mini/stories', { page, size })
export const getStory = (id) => get(`/api/mini/stories/${id}`)
