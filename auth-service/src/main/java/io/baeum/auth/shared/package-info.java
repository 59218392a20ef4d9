/** Small types shared by the features (the client's address and agent). */
@NullMarked
package io.baeum.auth.shared;

import org.jspecify.annotations.NullMarked;
