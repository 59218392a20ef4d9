/** The edge: client address, downstream headers, body limits, error envelopes, unknown routes. */
@NullMarked
package io.baeum.gateway.edge;

import org.jspecify.annotations.NullMarked;
