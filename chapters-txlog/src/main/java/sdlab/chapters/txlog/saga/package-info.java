/** Chapter 21: what triggers a saga's compensation, and whether every saga ends all done or all compensated. */
package sdlab.chapters.txlog.saga;
