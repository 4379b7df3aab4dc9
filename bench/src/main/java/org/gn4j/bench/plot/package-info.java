/** Plots written with the JDK's imaging (no plotting dependency): heat maps of PINN solutions and errors. */
package org.gn4j.bench.plot;
