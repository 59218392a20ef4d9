/** The shared ArchUnit rule set every module's {@code ArchitectureTests} applies. */
@NullMarked
package io.baeum.testing.architecture;

import org.jspecify.annotations.NullMarked;
