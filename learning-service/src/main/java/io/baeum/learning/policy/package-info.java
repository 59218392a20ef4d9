/** The policy feature of learning: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.learning.policy;

import org.jspecify.annotations.NullMarked;
