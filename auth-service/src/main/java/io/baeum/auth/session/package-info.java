/** The session feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.session;

import org.jspecify.annotations.NullMarked;
