/** The terms feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.terms;

import org.jspecify.annotations.NullMarked;
