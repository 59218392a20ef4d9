/** The identity feature of auth: the sandbox adapter. */
@NullMarked
package io.baeum.auth.identity.sandbox;

import org.jspecify.annotations.NullMarked;
