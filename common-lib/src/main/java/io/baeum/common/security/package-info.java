/**
 * Access-token verification shared by every Baeum service: the JWKS key source, the RS256
 * {@link io.baeum.common.security.AccessTokenVerifier}, its auto-configuration and, when Spring
 * Security is on the classpath, the stateless bearer-token setup in
 * {@link io.baeum.common.security.BaeumSecurity}.
 */
@NullMarked
package io.baeum.common.security;

import org.jspecify.annotations.NullMarked;
