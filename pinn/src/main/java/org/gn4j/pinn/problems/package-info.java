/** The PINN benchmark problems (2D and 5D Poisson, 1+1D heat) with exact solutions and default setups. */
package org.gn4j.pinn.problems;
