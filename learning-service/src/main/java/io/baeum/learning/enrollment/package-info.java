/** The enrollment feature of learning: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.learning.enrollment;

import org.jspecify.annotations.NullMarked;
