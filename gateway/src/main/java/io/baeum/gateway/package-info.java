/** gateway: the application's entry point. */
@NullMarked
package io.baeum.gateway;

import org.jspecify.annotations.NullMarked;
