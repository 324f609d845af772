CREATE INDEX "chats_active_days_idx" ON "chats" USING gin ("active_days");--> statement-breakpoint
CREATE INDEX "chats_emotion_days_idx" ON "chats" USING gin ("emotion_days");