/** The token feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.token;

import org.jspecify.annotations.NullMarked;
