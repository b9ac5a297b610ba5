CREATE TABLE "trio" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"created_by" uuid,
	"total_minutes" integer DEFAULT 60 NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"round_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trio_round" (
	"trio_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"scenario" text NOT NULL,
	"submission_id" uuid,
	"completed_at" timestamp with time zone,
	CONSTRAINT "trio_round_trio_id_round_pk" PRIMARY KEY("trio_id","round")
);
--> statement-breakpoint
CREATE TABLE "trio_seat" (
	"trio_id" uuid NOT NULL,
	"seat" integer NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "trio_seat_trio_id_seat_pk" PRIMARY KEY("trio_id","seat")
);
--> statement-breakpoint
ALTER TABLE "trio" ADD CONSTRAINT "trio_cohort_id_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trio" ADD CONSTRAINT "trio_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trio_round" ADD CONSTRAINT "trio_round_trio_id_trio_id_fk" FOREIGN KEY ("trio_id") REFERENCES "public"."trio"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trio_round" ADD CONSTRAINT "trio_round_submission_id_self_check_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."self_check_submission"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trio_seat" ADD CONSTRAINT "trio_seat_trio_id_trio_id_fk" FOREIGN KEY ("trio_id") REFERENCES "public"."trio"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trio_seat" ADD CONSTRAINT "trio_seat_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trio_cohort_idx" ON "trio" USING btree ("cohort_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trio_seat_user_key" ON "trio_seat" USING btree ("trio_id","user_id");--> statement-breakpoint
CREATE INDEX "trio_seat_user_idx" ON "trio_seat" USING btree ("user_id");