/** The account feature of auth: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.auth.account;

import org.jspecify.annotations.NullMarked;
