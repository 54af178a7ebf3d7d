-- Insights read the intensity and kind of every entry in a period. In the
-- table they sit after the three long answers, often in overflow pages, so
-- a year of charts read most of the journal from disk. This index carries
-- them beside the time: the charts never touch the answers.
CREATE INDEX entries_live_insights ON entries (happened_at, intensity, kind) WHERE deleted_at IS NULL;

-- An entry read again lists the self-compassion breaks taken for it.
CREATE INDEX compassion_by_entry ON compassion_sessions (entry_id) WHERE entry_id IS NOT NULL;
