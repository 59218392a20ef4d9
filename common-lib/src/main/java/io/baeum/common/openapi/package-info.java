/**
 * The OpenAPI conventions every Baeum service's springdoc document follows: info, a relative server
 * for "Try it out" through the gateway, the bearer JWT scheme on secured operations and the
 * {@code ApiResponse} error envelope on every operation. Active only when springdoc is on the
 * classpath; common-lib declares it optional.
 */
@NullMarked
package io.baeum.common.openapi;

import org.jspecify.annotations.NullMarked;
