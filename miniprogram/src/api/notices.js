// Subscribe messages (MiniNoticeApi): the template ids to ask consent for, and what the user allowed.
import { endpoint } from './endpoint'

export const subscriptionTemplates = endpoint('GET', '/api/mini/subscriptions/templates', { auth: false })
export const recordConsents = endpoint('POST', '/api/mini/me/subscriptions', { body: ['acceptedTemplateIds'] })
