/** The pii feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.pii;

import org.jspecify.annotations.NullMarked;
