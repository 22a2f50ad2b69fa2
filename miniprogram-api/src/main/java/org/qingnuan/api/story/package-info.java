/** Stories (先进典型): exemplary volunteers and teams, published by League staff and read in the mini-program. */
package org.qingnuan.api.story;
