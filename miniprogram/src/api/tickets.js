// Help requests from the family's side (MiniTicketApi).
import { endpoint } from './endpoint'

export const myTickets = endpoint('GET', '/api/mini/tickets', { query: ['page', 'size'] })
export const ticket = endpoint('GET', '/api/mini/tickets/{id}')
/** Needs { idempotencyKey } in the options: one per draft, the same on every retry. */
export const submitTicket = endpoint('POST', '/api/mini/tickets', {
  body: ['familyId', 'category', 'urgency', 'description', 'address', 'preferredTime.start', 'preferredTime.end',
    'contactMethod', 'contactPhone', 'photoKeys']
})
export const cancelTicket = endpoint('POST', '/api/mini/tickets/{id}/cancel', { body: ['reason'] })
export const confirmTicket = endpoint('POST', '/api/mini/tickets/{id}/confirm', { body: ['rating', 'comment'] })
export const uploadPolicy = endpoint('POST', '/api/mini/uploads/policy', { body: ['contentType', 'size'] })
