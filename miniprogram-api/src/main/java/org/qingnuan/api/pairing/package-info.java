/** 手拉手: one partner paired with one family; they see their family, log check-ins and ask help for them. */
package org.qingnuan.api.pairing;
