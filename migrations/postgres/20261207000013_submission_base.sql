-- The offer as it was when the editor submitted (JSON of the record), so that approving a
-- submission never undoes a change made to the offer after it. Empty for older submissions.
ALTER TABLE offer_submissions ADD COLUMN base_json TEXT;
