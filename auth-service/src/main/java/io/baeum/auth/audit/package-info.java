/** The audit feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.audit;

import org.jspecify.annotations.NullMarked;
