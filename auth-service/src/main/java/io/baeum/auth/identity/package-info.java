/** The identity feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.identity;

import org.jspecify.annotations.NullMarked;
