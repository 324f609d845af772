import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { homePath } from "@/lib/auth/roles";

export default async function Home() {
  redirect(homePath(await requireUser()));
}
