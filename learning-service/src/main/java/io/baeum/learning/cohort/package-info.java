/** The cohort feature of learning: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.learning.cohort;

import org.jspecify.annotations.NullMarked;
