/** Shared by both backends' migrations: plain types that mean the same in SQLite and PostgreSQL. */
export const LEARNING_TABLES = `
   CREATE TABLE feedback_votes (
     vote_key TEXT PRIMARY KEY,
     guild_id TEXT,
     topic_id TEXT,
     fact_ids TEXT NOT NULL,
     coverage TEXT NOT NULL,
     reply_kind TEXT NOT NULL,
     vote TEXT NOT NULL,
     day TEXT NOT NULL
   );
   CREATE INDEX feedback_votes_guild ON feedback_votes (guild_id);
   CREATE INDEX feedback_votes_day ON feedback_votes (day);
   CREATE TABLE learning_questions (
     guild_id TEXT,
     text TEXT NOT NULL,
     reason TEXT NOT NULL,
     topic_id TEXT,
     day TEXT NOT NULL
   );
   CREATE INDEX learning_questions_guild ON learning_questions (guild_id);
   CREATE INDEX learning_questions_day ON learning_questions (day);
   CREATE TABLE guild_departures (guild_id TEXT PRIMARY KEY, left_at TEXT NOT NULL);`;
