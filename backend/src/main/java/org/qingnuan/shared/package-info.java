/**
 * Small cross-cutting code every feature may use: errors, idempotent creation, token sessions,
 * persistence and web configuration, the clock. Declared open so that its sub-packages
 * ({@code shared.error}, {@code shared.persistence}, ...) are reachable from every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.qingnuan.shared;

import org.springframework.modulith.ApplicationModule;
