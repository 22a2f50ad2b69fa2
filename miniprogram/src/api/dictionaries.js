// The labels of every server enum the client shows: { ticketCategory: [{code, label}], urgency: [...], ... }.
import { endpoint } from './endpoint'

export const dictionaries = endpoint('GET', '/api/mini/dictionaries')
