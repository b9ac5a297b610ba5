CREATE TABLE "self_check_submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"form" text NOT NULL,
	"key" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"value" double precision NOT NULL,
	"band" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "self_check_submission" ADD CONSTRAINT "self_check_submission_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_check_submission_user_form_idx" ON "self_check_submission" USING btree ("user_id","form","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "self_check_submission_key_key" ON "self_check_submission" USING btree ("user_id","key");