/** Chapter 5: which lock on the coordination service keeps the protected data correct when a holder pauses past its session. */
package sdlab.chapters.coord;
