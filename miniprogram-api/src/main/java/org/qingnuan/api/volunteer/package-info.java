/** Volunteers: registration, the duty gate (approved, trained, insured), nearby tasks and claiming them. */
package org.qingnuan.api.volunteer;
