/** The social feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.social;

import org.jspecify.annotations.NullMarked;
