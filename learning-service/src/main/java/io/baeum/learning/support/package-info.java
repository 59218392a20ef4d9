/** Plain-Java helpers shared by the features: rule violations and paging. No framework types. */
@NullMarked
package io.baeum.learning.support;

import org.jspecify.annotations.NullMarked;
