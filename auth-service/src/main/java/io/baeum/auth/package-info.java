/** auth: the application's entry point. */
@NullMarked
package io.baeum.auth;

import org.jspecify.annotations.NullMarked;
