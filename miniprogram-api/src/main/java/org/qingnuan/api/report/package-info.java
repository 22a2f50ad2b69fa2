/** Front-line demand reports of medical teams, sent by their leads and liaisons from the mini-program. */
package org.qingnuan.api.report;
