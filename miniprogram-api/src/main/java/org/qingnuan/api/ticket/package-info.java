/** Help requests (求助工单): categories, urgency, states and the views families and staff read. */
package org.qingnuan.api.ticket;
