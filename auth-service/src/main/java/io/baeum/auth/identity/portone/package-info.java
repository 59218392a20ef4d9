/** The identity feature of auth: the portone adapter. */
@NullMarked
package io.baeum.auth.identity.portone;

import org.jspecify.annotations.NullMarked;
