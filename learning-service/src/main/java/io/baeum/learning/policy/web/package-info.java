/** The policy feature's HTTP adapter: controllers and request/response records. */
@NullMarked
package io.baeum.learning.policy.web;

import org.jspecify.annotations.NullMarked;
