//! Reminders posted by the bot on its own, scheduled from the database so a
//! restart neither loses nor repeats one.
