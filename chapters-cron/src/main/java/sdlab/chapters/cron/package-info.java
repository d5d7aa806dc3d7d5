/** Chapter 14: which mechanism keeps a distributed cron job to one run per schedule across leader changes. */
package sdlab.chapters.cron;
