/** The bootstrap feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.bootstrap;

import org.jspecify.annotations.NullMarked;
