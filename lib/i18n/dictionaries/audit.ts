import type { AuditAction } from "@/lib/audit/actions";
import { defineDictionary } from "../locale";

type AuditKey = AuditAction | "system";

export const auditStrings = defineDictionary<AuditKey>({
  "pt-BR": {
    "tenant.create": "Cliente criado",
    "tenant.suspend": "Cliente suspenso",
    "tenant.reactivate": "Cliente reativado",
    "tenant.stored_text": "Guarda de texto alterada",
    "user.create": "Usuário criado",
    "api_key.create": "Chave de API criada",
    "api_key.revoke": "Chave de API revogada",
    "connection.create": "Conexão criada",
    "connection.update": "Conexão alterada",
    "connection.delete": "Conexão excluída",
    "connection.import_history": "Importação de histórico pedida",
    "connection.unstable": "Conexão instável",
    system: "sistema",
  },
  en: {
    "tenant.create": "Tenant created",
    "tenant.suspend": "Tenant suspended",
    "tenant.reactivate": "Tenant reactivated",
    "tenant.stored_text": "Stored text setting changed",
    "user.create": "User created",
    "api_key.create": "API key created",
    "api_key.revoke": "API key revoked",
    "connection.create": "Connection created",
    "connection.update": "Connection updated",
    "connection.delete": "Connection deleted",
    "connection.import_history": "History import requested",
    "connection.unstable": "Connection unstable",
    system: "system",
  },
});
