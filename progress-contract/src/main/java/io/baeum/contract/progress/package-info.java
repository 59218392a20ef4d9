@NullMarked
package io.baeum.contract.progress;

import org.jspecify.annotations.NullMarked;
