/**
 * The HTTP contract of Qingnuan as the mini-program (and the admin web) sees it: request and
 * response records with their validation rules, enums, error codes and {@code *Api} interfaces
 * whose mappings the backend controllers implement.
 *
 * <p>Every failure, whatever the endpoint, answers with {@link org.qingnuan.api.error.ApiError};
 * a client can switch on {@code code} and show {@code message} to the user as it is.
 */
package org.qingnuan.api;
