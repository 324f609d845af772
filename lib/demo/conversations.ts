/**
 * Demo conversations written for EvoSense (not taken from any dataset). Each turn is "c|…" (customer) or
 * "s|…" (the business). Timing is spread by the seed with a fixed PRNG so demo data is reproducible.
 */
export type DemoConversation = { name: string; phone: string; turns: string[] };

export const lojaCentroConversations: DemoConversation[] = [
  {
    name: "Mariana Souza",
    phone: "5511987654321",
    turns: [
      "c|Oi, boa tarde! Meu pedido 4821 ainda não chegou, era pra ontem",
      "s|Boa tarde, Mariana! Vou verificar com a transportadora agora mesmo.",
      "s|Ele saiu para entrega hoje cedo, deve chegar até as 18h.",
      "c|Ah que bom, obrigada pelo retorno rápido!",
      "c|Chegou aqui, tudo certinho 😊",
    ],
  },
  {
    name: "Carlos Henrique",
    phone: "5511976543210",
    turns: [
      "c|Comprei um tênis 42 e veio 40. Que falta de atenção",
      "s|Carlos, pedimos desculpas pelo erro. Podemos trocar sem custo, a coleta é amanhã.",
      "c|Tá, mas eu preciso dele pro fim de semana",
      "s|Vamos enviar o 42 hoje mesmo por entrega expressa, antes da coleta do outro.",
      "c|Aí sim, valeu. Resolveram rápido",
    ],
  },
  {
    name: "Fernanda Lima",
    phone: "5521998877665",
    turns: [
      "c|Vcs tem a blusa de linho bege no M?",
      "s|Temos sim, Fernanda! Quer que separe uma pra você?",
      "c|Quero! Passo aí amanhã",
      "s|Separada no seu nome 👍",
    ],
  },
  {
    name: "Roberto Alves",
    phone: "5511965432109",
    turns: [
      "c|Terceira vez que ligo e ninguém resolve meu reembolso",
      "s|Roberto, sinto muito pela demora. Pode me passar o número do pedido?",
      "c|Pedido 4410. Paguei no Pix dia 2 e cancelei no mesmo dia",
      "s|Encontrei. O estorno foi solicitado, o prazo é de até 5 dias úteis.",
      "c|5 dias úteis?? Já se passaram 10. Isso é um absurdo",
      "c|Vou abrir reclamação no Procon",
    ],
  },
  {
    name: "Juliana Castro",
    phone: "5531991234567",
    turns: [
      "c|Amei o vestido que chegou hoje, serviu perfeitamente!!",
      "s|Que alegria, Juliana! Obrigada por comprar com a gente ❤️",
      "c|Com certeza vou comprar de novo",
    ],
  },
  {
    name: "Pedro Martins",
    phone: "5511954321098",
    turns: [
      "c|Qual o prazo de entrega pra Campinas?",
      "s|Para Campinas são de 2 a 3 dias úteis, Pedro.",
      "c|Ok, obrigado",
    ],
  },
  {
    name: "Aline Rocha",
    phone: "5541987650011",
    turns: [
      "c|o produto veio com a caixa amassada e um risco na lateral",
      "s|Aline, lamentamos muito. Pode enviar uma foto pra gente?",
      "c|mandei as fotos agora",
      "s|Recebemos. Vamos enviar um novo sem custo e você não precisa devolver o outro.",
      "c|Nossa, não esperava isso. Muito obrigada, atendimento nota 10",
    ],
  },
  {
    name: "Marcos Pereira",
    phone: "5511943210987",
    turns: [
      "c|Boa noite, aceitam cartão em 10x?",
      "s|Boa noite, Marcos! Parcelamos em até 6x sem juros no cartão.",
      "c|Entendi, vou pensar",
    ],
  },
  {
    name: "Beatriz Gomes",
    phone: "5511932109876",
    turns: [
      "c|Fiz o pagamento via pix e o pedido continua como aguardando pagamento",
      "s|Beatriz, às vezes leva alguns minutos para compensar. Pode mandar o comprovante?",
      "c|Já faz 3 horas",
      "c|Segue o comprovante",
      "s|Confirmado! Houve uma falha na integração do banco. Seu pedido já está em separação.",
      "c|Ok, obrigada",
    ],
  },
  {
    name: "Ricardo Nunes",
    phone: "5519996543210",
    turns: [
      "c|Péssimo atendimento na loja física hoje. A vendedora nem olhou pra mim",
      "s|Ricardo, sentimos muito por isso. Pode nos contar em qual unidade foi?",
      "c|Unidade centro, por volta das 15h",
      "s|Vamos conversar com a equipe. Como desculpa, deixamos um cupom de 15% no seu cadastro.",
      "c|Agradeço, mas o que eu queria era ser bem atendido",
    ],
  },
  {
    name: "Camila Duarte",
    phone: "5511921098765",
    turns: [
      "c|Oi! A calça jeans skinny voltou ao estoque?",
      "s|Oi, Camila! Voltou sim, chegou ontem em todos os tamanhos.",
      "c|Eba! Já fiz o pedido pelo site",
      "c|Obg pela dica 😄",
    ],
  },
  {
    name: "Thiago Barbosa",
    phone: "5511910987654",
    turns: [
      "c|Meu pedido foi entregue no endereço errado",
      "s|Thiago, que situação chata. Vamos acionar a transportadora agora.",
      "c|Eu paguei frete expresso justamente pra chegar rápido",
      "s|Vamos reembolsar o frete e reenviar o produto hoje.",
      "c|Tá bom, aguardo",
      "c|Até agora nada de código de rastreio",
      "s|Desculpe, Thiago. O código é BR123456789. Saiu às 16h.",
      "c|Recebi. Demorou mas resolveram",
    ],
  },
  {
    name: "Larissa Freitas",
    phone: "5548999887766",
    turns: [
      "c|Gostaria de saber se vocês fazem embrulho para presente",
      "s|Fazemos sim, Larissa! É gratuito, basta marcar a opção no carrinho.",
      "c|Perfeito, muito obrigada!",
    ],
  },
  {
    name: "Eduardo Ramos",
    phone: "5511998760022",
    turns: [
      "c|Comprei uma mochila que rasgou na primeira semana",
      "c|Qualidade horrível",
      "s|Eduardo, isso não é o esperado. A mochila tem garantia de 90 dias, podemos trocar.",
      "c|Não quero outra igual, quero meu dinheiro de volta",
      "s|Entendemos. Vamos fazer o estorno integral assim que recebermos a mochila.",
      "c|Ok",
    ],
  },
  {
    name: "Patrícia Moura",
    phone: "5511987001122",
    turns: [
      "c|Bom dia, vcs abrem no feriado?",
      "s|Bom dia, Patrícia! No feriado abrimos das 10h às 16h.",
      "c|Obrigada",
    ],
  },
  {
    name: "Gustavo Teixeira",
    phone: "5531988776655",
    turns: [
      "c|Cheguei na loja e o produto que estava reservado foi vendido pra outra pessoa",
      "s|Gustavo, pedimos desculpas. Foi uma falha nossa na reserva.",
      "c|Perdi a viagem, moro longe",
      "s|Conseguimos outra unidade no estoque do CD e enviamos para sua casa sem custo amanhã.",
      "c|Pelo menos isso. Obrigado",
    ],
  },
  {
    name: "Renata Cardoso",
    phone: "5511976001133",
    turns: [
      "c|Vocês são demais! O atendimento da Sabrina foi incrível, me ajudou a escolher tudo",
      "s|Que lindo, Renata! Vamos repassar o elogio para a Sabrina 🥰",
      "c|Ela merece!",
    ],
  },
  {
    name: "Felipe Araújo",
    phone: "5511965002244",
    turns: [
      "c|Quanto custa o frete pra Salvador?",
      "s|Para Salvador o frete fica R$ 29,90, Felipe. Acima de R$ 299 é grátis.",
      "c|Hmm caro",
      "c|Vou ver se completo o valor",
    ],
  },
  {
    name: "Vanessa Ribeiro",
    phone: "5521987003355",
    turns: [
      "c|Recebi a cobrança duas vezes no cartão!!",
      "s|Vanessa, vamos verificar imediatamente. Pode informar os últimos 4 dígitos do cartão?",
      "c|4432. Estou muito irritada com isso",
      "s|Identificamos a cobrança duplicada. O estorno já foi solicitado e aparece na próxima fatura.",
      "c|Espero que apareça mesmo",
      "c|Apareceu o estorno, obrigada por resolver",
    ],
  },
  {
    name: "André Silva",
    phone: "5511954003366",
    turns: [
      "c|tem cupom de primeira compra?",
      "s|Tem sim, André! Use BEMVINDO10 para 10% de desconto.",
      "c|top, valeu",
    ],
  },
  {
    name: "Luciana Mendes",
    phone: "5511943004477",
    turns: [
      "c|A troca que solicitei há 15 dias ainda não foi processada",
      "s|Luciana, vamos verificar. Qual o número do protocolo?",
      "c|TR-2291",
      "s|A peça chegou ao nosso CD ontem, a troca será enviada em até 2 dias.",
      "c|15 dias pra chegar no CD? Muito lento",
      "c|Não compro mais aí",
    ],
  },
  {
    name: "Bruno Carvalho",
    phone: "5511932005588",
    turns: [
      "c|Boa tarde! A camisa polo tem em azul marinho?",
      "s|Boa tarde, Bruno! Temos sim, do P ao GG.",
      "c|Vou querer uma G",
      "s|Pedido criado! O link de pagamento foi enviado.",
      "c|Pago ✅",
    ],
  },
  {
    name: "Sabrina Oliveira",
    phone: "5571999001122",
    turns: [
      "c|Estou tentando finalizar a compra e o site dá erro no pagamento",
      "s|Sabrina, desculpe o transtorno. Estamos com instabilidade no cartão, o Pix funciona normalmente.",
      "c|Consegui pelo pix. Obrigada",
    ],
  },
  {
    name: "Diego Fernandes",
    phone: "5511921006699",
    turns: [
      "c|Que loja maravilhosa, entrega super rápida e produto impecável",
      "s|Obrigado, Diego! Ficamos muito felizes 😊",
      "c|Recomendei pra toda a família",
    ],
  },
  {
    name: "Tatiane Lopes",
    phone: "5511910007700",
    turns: [
      "c|Oi, meu filho ganhou uma camiseta de presente e ficou pequena. Posso trocar sem nota?",
      "s|Oi, Tatiane! Pode sim, com a etiqueta e dentro de 30 dias a troca é pelo CPF de quem comprou.",
      "c|Não sei o CPF de quem deu o presente",
      "s|Sem problemas, fazemos a troca por um vale no mesmo valor.",
      "c|Ótimo, passo aí sábado",
    ],
  },
  {
    name: "Rodrigo Batista",
    phone: "5511998008811",
    turns: [
      "c|O atendente do chat me deixou esperando 40 minutos",
      "c|E depois encerrou a conversa sem responder",
      "s|Rodrigo, isso não deveria ter acontecido. Estou aqui agora, como posso ajudar?",
      "c|Quero cancelar meu pedido 5102",
      "s|Cancelado. O estorno do cartão acontece em até 2 faturas.",
      "c|Tá",
    ],
  },
  {
    name: "Natália Pinto",
    phone: "5511987009922",
    turns: [
      "c|Vocês vendem cartão presente?",
      "s|Vendemos sim, Natália! De R$ 50 a R$ 500, digital ou físico.",
      "c|Perfeito, vou comprar um digital",
      "c|Comprei, muito prático!",
    ],
  },
  {
    name: "Leandro Costa",
    phone: "5511976010033",
    turns: [
      "c|Meu pedido chegou faltando um item",
      "s|Leandro, vamos conferir. Qual item faltou?",
      "c|O cinto de couro",
      "s|Confirmamos a falha na separação. O cinto sai hoje com frete grátis.",
      "c|Certo",
      "c|Chegou o cinto. Obrigado",
    ],
  },
  {
    name: "Priscila Azevedo",
    phone: "5511965011144",
    turns: [
      "c|Adorei a nova coleção de inverno!",
      "s|Obrigada, Priscila! Tem muita novidade chegando essa semana.",
      "c|Vou ficar de olho 👀",
    ],
  },
  {
    name: "Marcelo Dias",
    phone: "5511954012255",
    turns: [
      "c|Cadê meu pedido? Já são 12 dias",
      "s|Marcelo, verifiquei e houve um atraso na transportadora por causa das chuvas.",
      "c|Ninguém me avisou nada",
      "s|Tem razão, deveríamos ter avisado. A previsão nova é sexta-feira.",
      "c|Sexta? Era pra um aniversário que já passou",
      "c|Quero cancelar",
      "s|Cancelamento feito e estorno solicitado. Pedimos desculpas mais uma vez.",
    ],
  },
  {
    name: "Isabela Moreira",
    phone: "5511943013366",
    turns: [
      "c|Oi! Quais as formas de pagamento?",
      "s|Oi, Isabela! Pix, cartão em até 6x sem juros e boleto.",
      "c|Obrigada!",
    ],
  },
  {
    name: "Vinícius Santos",
    phone: "5511932014477",
    turns: [
      "c|O tênis que comprei está descolando a sola com 1 mês de uso",
      "s|Vinícius, isso é coberto pela garantia. Pode trazer na loja ou enviamos a coleta.",
      "c|Prefiro a coleta",
      "s|Coleta agendada para quinta-feira.",
      "c|Beleza, obrigado pela agilidade",
    ],
  },
  {
    name: "Gabriela Ferreira",
    phone: "5511921015588",
    turns: [
      "c|Vocês entregam no mesmo dia?",
      "s|Na capital, pedidos até 12h são entregues no mesmo dia, Gabriela!",
      "c|Que maravilha, vou pedir agora",
    ],
  },
  {
    name: "Fábio Monteiro",
    phone: "5511910016699",
    turns: [
      "c|Recebi uma peça com defeito e quando fui trocar na loja me trataram mal",
      "s|Fábio, sentimos muito. Não é assim que queremos tratar nossos clientes.",
      "c|O gerente disse que o defeito foi culpa minha",
      "s|Vamos rever o caso. Já aprovamos a troca e a gerente regional vai entrar em contato.",
      "c|Veremos",
    ],
  },
  {
    name: "Jéssica Nascimento",
    phone: "5511998017700",
    turns: [
      "c|Comprei pela primeira vez e fiquei encantada! Chegou cheirosinho e bem embalado",
      "s|Que demais, Jéssica! Seja bem-vinda 💚",
      "c|Obrigada! Já quero mais coisas kkkk",
    ],
  },
  {
    name: "Henrique Rocha",
    phone: "5511987018811",
    turns: [
      "c|Posso retirar na loja o pedido do site?",
      "s|Pode sim, Henrique! Escolha 'retirar na loja' no checkout, fica pronto em 2h.",
      "c|Show",
    ],
  },
  {
    name: "Cristina Barros",
    phone: "5511976019922",
    turns: [
      "c|A blusa desbotou na primeira lavagem",
      "s|Cristina, lamentamos. Seguiu as instruções da etiqueta?",
      "c|Claro que sim, lavei à mão",
      "s|Vamos trocar ou devolver o valor, como preferir.",
      "c|Devolve o valor por favor",
      "s|Estorno solicitado.",
      "c|Obrigada",
    ],
  },
  {
    name: "Otávio Guimarães",
    phone: "5511965020033",
    turns: [
      "c|Boa tarde, vocês têm bermuda tamanho 48?",
      "s|Boa tarde, Otávio. No momento não temos o 48, chega semana que vem.",
      "c|Me avisa quando chegar?",
      "s|Aviso sim!",
      "s|Otávio, chegou a bermuda 48 😉",
      "c|Opa, valeu por lembrar! Já comprei",
    ],
  },
  {
    name: "Daniela Correia",
    phone: "5511954021144",
    turns: [
      "c|Estou decepcionada. Comprei um presente e chegou depois da data",
      "s|Daniela, entendemos sua frustração. O prazo informado era até dia 10?",
      "c|Sim, chegou dia 14",
      "s|Vamos devolver o valor do frete e deixar um cupom de 20%.",
      "c|Não resolve, mas agradeço",
    ],
  },
  {
    name: "Rafael Vieira",
    phone: "5511943022255",
    turns: [
      "c|Vocês fazem ajuste de barra?",
      "s|Fazemos sim, Rafael! Gratuito para calças compradas aqui, fica pronto em 24h.",
      "c|Ótimo serviço, obrigado",
    ],
  },
];

export const clinicaVidaConversations: DemoConversation[] = [
  {
    name: "Helena Prado",
    phone: "5511987120001",
    turns: [
      "c|Bom dia, gostaria de marcar uma consulta com a dermatologista",
      "s|Bom dia, Helena! Temos horário quinta às 14h ou sexta às 9h.",
      "c|Quinta às 14h por favor",
      "s|Agendado! Chegue 15 minutos antes com a carteirinha do convênio.",
      "c|Obrigada!",
    ],
  },
  {
    name: "José Ricardo",
    phone: "5511976120002",
    turns: [
      "c|Esperei 1h30 na recepção ontem. Inadmissível",
      "s|José, pedimos desculpas. Tivemos uma emergência que atrasou a agenda.",
      "c|Ninguém avisou nada, fiquei lá sem informação",
      "s|Tem razão. Vamos melhorar a comunicação na recepção.",
      "c|Espero que sim",
    ],
  },
  {
    name: "Sônia Almeida",
    phone: "5511965120003",
    turns: [
      "c|O resultado do meu exame de sangue já saiu?",
      "s|Saiu sim, Sônia! Está disponível no portal do paciente.",
      "c|Não consigo acessar o portal",
      "s|Enviamos o PDF para o seu e-mail cadastrado.",
      "c|Recebi, muito obrigada pela atenção",
    ],
  },
  {
    name: "Paulo Vasconcelos",
    phone: "5511954120004",
    turns: ["c|Vocês atendem Unimed?", "s|Atendemos sim, Paulo! Unimed, Amil, Bradesco Saúde e SulAmérica.", "c|Ótimo"],
  },
  {
    name: "Márcia Teles",
    phone: "5511943120005",
    turns: [
      "c|Preciso remarcar minha consulta de amanhã",
      "s|Claro, Márcia. Qual dia fica melhor pra você?",
      "c|Semana que vem, qualquer dia de manhã",
      "s|Terça às 10h está livre. Confirmo?",
      "c|Confirma sim. Obrigada",
    ],
  },
  {
    name: "Antônio Farias",
    phone: "5511932120006",
    turns: [
      "c|A recepcionista foi extremamente grossa comigo",
      "s|Antônio, sentimos muito. Pode nos contar o que aconteceu?",
      "c|Perguntei sobre o reembolso e ela disse que não era problema dela",
      "s|Isso não é aceitável. A coordenação vai tratar o caso e retornar hoje.",
      "c|Aguardo",
      "s|Antônio, o reembolso foi liberado e a coordenadora conversou com a equipe.",
      "c|Agradeço o retorno, resolveram bem",
    ],
  },
  {
    name: "Cláudia Ribas",
    phone: "5511921120007",
    turns: [
      "c|Dr. Marcos é maravilhoso, super atencioso!",
      "s|Que bom, Cláudia! Vamos passar o elogio ao Dr. Marcos 😊",
    ],
  },
  {
    name: "Rogério Lins",
    phone: "5511910120008",
    turns: [
      "c|Fiz o exame de imagem há 10 dias e até agora nada do laudo",
      "s|Rogério, o prazo normal é de 7 dias. Vamos verificar o atraso.",
      "c|Preciso levar no médico amanhã",
      "s|O laudo ficou pronto agora e foi enviado ao seu e-mail.",
      "c|Chegou. Valeu",
    ],
  },
  {
    name: "Elaine Cunha",
    phone: "5511998120009",
    turns: [
      "c|Qual o valor da consulta particular com o cardiologista?",
      "s|A consulta particular é R$ 350, Elaine, com retorno em 30 dias incluso.",
      "c|Entendi, obrigada",
    ],
  },
  {
    name: "Mateus Coelho",
    phone: "5511987120010",
    turns: [
      "c|Meu convênio foi negado na hora do exame e ninguém me avisou antes",
      "s|Mateus, lamentamos. A autorização do plano foi recusada na véspera.",
      "c|E por que não me ligaram??",
      "s|Falhamos nisso. Já pedimos nova autorização com urgência.",
      "c|Perdi a manhã de trabalho à toa",
      "c|Péssimo",
    ],
  },
  {
    name: "Silvia Rezende",
    phone: "5511976120011",
    turns: [
      "c|Vocês fazem teleconsulta?",
      "s|Fazemos sim, Silvia! Clínico geral, psicologia e nutrição.",
      "c|Que ótimo, quero agendar com a nutricionista",
      "s|Agendado para segunda às 18h, o link chega por aqui.",
      "c|Perfeito!",
    ],
  },
  {
    name: "Fernando Queiroz",
    phone: "5511965120012",
    turns: [
      "c|Bom dia, o estacionamento é gratuito?",
      "s|Bom dia, Fernando! Os primeiros 30 minutos são gratuitos.",
      "c|Ok",
    ],
  },
  {
    name: "Lúcia Matos",
    phone: "5511954120013",
    turns: [
      "c|Minha mãe foi muito bem atendida hoje, a enfermeira Carla foi um anjo",
      "s|Que lindo, Lúcia! Vamos repassar para a Carla ❤️",
      "c|Obrigada por tudo",
    ],
  },
  {
    name: "Gilberto Paiva",
    phone: "5511943120014",
    turns: [
      "c|Liguei 5 vezes e ninguém atende o telefone",
      "s|Gilberto, nossa central está sobrecarregada hoje. Como podemos ajudar?",
      "c|Quero desmarcar a consulta de sexta",
      "s|Desmarcada. Quer reagendar?",
      "c|Não, vou procurar outra clínica",
    ],
  },
  {
    name: "Regina Falcão",
    phone: "5511932120015",
    turns: [
      "c|Preciso de um atestado da consulta de ontem",
      "s|Regina, o atestado foi emitido e está na recepção ou podemos enviar por e-mail.",
      "c|Por e-mail por favor",
      "s|Enviado!",
      "c|Recebido, obrigada",
    ],
  },
  {
    name: "Wagner Moraes",
    phone: "5511921120016",
    turns: [
      "c|O pediatra atrasou 2 horas e meu filho com febre esperando",
      "s|Wagner, sentimos muito. Como está seu filho agora?",
      "c|Melhor, mas a espera foi horrível",
      "s|Vamos priorizar casos com febre na triagem a partir de hoje. Obrigado por nos avisar.",
      "c|Fico mais tranquilo sabendo disso. Obrigado",
    ],
  },
  {
    name: "Eliana Souto",
    phone: "5511910120017",
    turns: ["c|Tem ortopedista amanhã?", "s|Tem sim, Eliana. Às 11h ou 16h.", "c|11h", "s|Agendado!"],
  },
  {
    name: "Jorge Menezes",
    phone: "5511998120018",
    turns: [
      "c|Fui cobrado por uma consulta que o convênio cobre",
      "s|Jorge, vamos verificar. Pode mandar o recibo?",
      "c|Enviei",
      "s|Houve erro no cadastro do seu plano. Vamos estornar o valor hoje.",
      "c|Ok, aguardo o estorno",
      "c|Caiu o estorno. Obrigado",
    ],
  },
  {
    name: "Rita Aguiar",
    phone: "5511987120019",
    turns: [
      "c|Gostei muito da clínica nova, tudo limpinho e organizado",
      "s|Obrigada, Rita! Fizemos a reforma pensando no conforto de vocês.",
      "c|Parabéns!",
    ],
  },
  {
    name: "Sérgio Brandão",
    phone: "5511976120020",
    turns: [
      "c|O exame de ressonância precisa de jejum?",
      "s|Para ressonância de abdômen, jejum de 6 horas, Sérgio. Para outras regiões não precisa.",
      "c|É de joelho",
      "s|Então não precisa de jejum.",
      "c|Obrigado pela informação",
    ],
  },
  {
    name: "Denise Amaral",
    phone: "5511965120021",
    turns: [
      "c|Marquei consulta pelo app e quando cheguei não tinha nada no sistema",
      "s|Denise, que situação. Vamos encaixar você agora.",
      "c|Demorou mas fui atendida",
      "c|Mas precisam arrumar esse app",
    ],
  },
  {
    name: "Caio Pimentel",
    phone: "5511954120022",
    turns: ["c|Qual horário de funcionamento aos sábados?", "s|Aos sábados abrimos das 7h às 13h, Caio.", "c|Valeu"],
  },
  {
    name: "Rosana Leite",
    phone: "5511943120023",
    turns: [
      "c|A psicóloga cancelou minha sessão em cima da hora pela segunda vez",
      "s|Rosana, pedimos desculpas. A Dra. Paula teve um imprevisto de saúde.",
      "c|Entendo, mas isso atrapalha muito meu tratamento",
      "s|Podemos encaixar com a Dra. Lívia ainda hoje às 19h.",
      "c|Tudo bem, aceito",
    ],
  },
  {
    name: "Alberto Siqueira",
    phone: "5511932120024",
    turns: [
      "c|Muito obrigado pelo atendimento de hoje, me senti acolhido",
      "s|Nós que agradecemos, Alberto! Melhoras 🙏",
    ],
  },
  {
    name: "Vera Lúcia",
    phone: "5511921120025",
    turns: [
      "c|Os resultados dos exames vieram com o nome errado",
      "s|Vera, vamos corrigir imediatamente. Qual o nome que saiu?",
      "c|Saiu Vera Lucia Santos, o correto é Vera Lúcia Sampaio",
      "s|Corrigido. O novo laudo foi enviado ao seu e-mail.",
      "c|Obrigada",
    ],
  },
];
