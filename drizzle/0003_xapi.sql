CREATE TABLE "xapi_statement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"statement" jsonb NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"tries" integer DEFAULT 0 NOT NULL,
	"next_try_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "xapi_statement" ADD CONSTRAINT "xapi_statement_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xapi_statement_user_idx" ON "xapi_statement" USING btree ("user_id","stored_at");--> statement-breakpoint
CREATE INDEX "xapi_statement_outbox_idx" ON "xapi_statement" USING btree ("next_try_at") WHERE "xapi_statement"."sent_at" is null;